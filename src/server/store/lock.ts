import fs from 'node:fs';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Makes sure one process at a time owns a data file: two servers on one file (npm start and
 * npm run dev, say) would overwrite each other's snapshots. A lock left by a dead process
 * is taken over.
 */
export function lockDataFile(dataFile: string): () => void {
  const lockFile = `${dataFile}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (owner === process.pid) throw new Error(`${dataFile} is already open in this process`);
      if (owner && alive(owner))
        throw new Error(`${dataFile} is in use by another Huiwu server (pid ${owner}); stop it first`);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`could not lock ${dataFile}`);
}
