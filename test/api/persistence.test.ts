import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { smallSeed } from '../fixtures/smallSeed';
import { runServerToExit, spawnServer } from '../helpers/process';
import { ADMIN_PASSWORD, loginCookie, startTestServer, tempDir, describeEmbedded } from '../helpers/server';

const json = (res: Response) => res.json() as Promise<Record<string, unknown>>;

// The embedded store's data file and journal: how they are written, read back, torn and
// folded. Not on PostgreSQL (HUIWU_TEST_STORE=postgres), whose durability is its own.
describeEmbedded('the live data file', () => {
  it('is created from the seed on first start, and later starts keep what users saved', async () => {
    const dir = tempDir();
    const first = await startTestServer({ dir });
    expect(fs.existsSync(first.dataFile)).toBe(true);
    const { data } = await first.client.create('organizations', {
      data: { name: '常州碳材料研究院', kind: 'institute' },
    });
    await first.client.update('summits', { id: 2, data: { status: 'cancelled', version: 1 }, previousData: { id: 2 } });
    await first.client.delete('followups', { id: 1, previousData: { id: 1 } });
    await first.close();

    // the seed changes; the live data must not
    fs.writeFileSync(path.join(dir, 'seed.json'), JSON.stringify({ summits: [] }));
    const second = await startTestServer({ dir });
    expect((await second.client.getOne('organizations', { id: data.id })).data.name).toBe('常州碳材料研究院');
    expect((await second.client.getOne('summits', { id: 2 })).data.status).toBe('cancelled');
    expect((await second.api('/followups/1')).status).toBe(404);
    await second.close();
  });

  it('refuses to start on a damaged data file, and leaves it as it was', async () => {
    const dir = tempDir();
    const dataFile = path.join(dir, 'data.json');
    fs.writeFileSync(dataFile, '{"summits": [');
    const { code, output } = await runServerToExit({ HUIWU_DATA: dataFile });
    expect(code).not.toBe(0);
    expect(output).toMatch(/not valid JSON.*refusing to start/);
    expect(fs.readFileSync(dataFile, 'utf8')).toBe('{"summits": [');
  });

  it('refuses to start from the seed when the data file is gone but its journal is not', async () => {
    const dir = tempDir();
    const first = await startTestServer({ dir });
    await first.client.create('series', { data: { name: '搬走之前' } });
    await first.close();
    fs.appendFileSync(
      `${first.dataFile}.journal`,
      JSON.stringify([{ r: 'series', put: { id: 99, name: '日志里' } }]) + '\n',
    );
    fs.renameSync(first.dataFile, `${first.dataFile}.moved`);
    const { code, output } = await runServerToExit({
      HUIWU_DATA: first.dataFile,
      HUIWU_SEED: path.join(dir, 'seed.json'),
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/data\.json is missing but its journal .* is not; refusing to start/);
    expect(fs.existsSync(first.dataFile)).toBe(false);
  });

  it('refuses to start from the seed when the data file is gone and its journal is empty', async () => {
    const dir = tempDir();
    const first = await startTestServer({ dir });
    await first.client.create('series', { data: { name: '全在快照里' } });
    first.store!.snapshot(); // the journal emptied: everything is in the data file
    await first.close();
    expect(fs.statSync(`${first.dataFile}.journal`).size).toBe(0);
    fs.rmSync(first.dataFile);
    const { code, output } = await runServerToExit({
      HUIWU_DATA: first.dataFile,
      HUIWU_SEED: path.join(dir, 'seed.json'),
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/data\.json is missing but its journal .* is not; refusing to start/);
    expect(output).toMatch(/put the data file back, or move the journal away to start from the seed/);
    expect(fs.existsSync(first.dataFile)).toBe(false);
  });

  it('drops a torn last journal line (a write that was never acknowledged) and keeps the rest', async () => {
    const dir = tempDir();
    const dataFile = path.join(dir, 'data.json');
    fs.writeFileSync(dataFile, JSON.stringify(smallSeed()));
    const kept = { id: 9, name: '新材料产业联盟', kind: 'association' };
    fs.writeFileSync(
      `${dataFile}.journal`,
      `${JSON.stringify([{ r: 'organizations', put: kept }])}\n[{"r":"organizations","put":{"id":10,"na`,
    );
    const server = await startTestServer({ dir });
    expect((await server.client.getOne('organizations', { id: 9 })).data.name).toBe('新材料产业联盟');
    expect((await server.api('/organizations/10')).status).toBe(404);
    await server.close();
  });
});

describeEmbedded('the journal', () => {
  it('cuts a torn tail before appending, so the next acknowledged write survives', async () => {
    const dir = tempDir();
    const dataFile = path.join(dir, 'data.json');
    fs.writeFileSync(dataFile, JSON.stringify(smallSeed()));
    fs.writeFileSync(`${dataFile}.journal`, '[{"r":"series","put":{"id":3,"na');
    const first = await startTestServer({ dir });
    const { data } = await first.client.create('series', { data: { name: '科技大讲堂' } });
    await first.close();
    const second = await startTestServer({ dir });
    expect((await second.client.getOne('series', { id: data.id })).data.name).toBe('科技大讲堂');
    await second.close();
  });

  it('reads the first format, one entry per line', async () => {
    const dir = tempDir();
    const dataFile = path.join(dir, 'data.json');
    fs.writeFileSync(dataFile, JSON.stringify(smallSeed()));
    fs.writeFileSync(`${dataFile}.journal`, `${JSON.stringify({ r: 'series', put: { id: 7, name: '老格式' } })}\n`);
    const server = await startTestServer({ dir });
    expect((await server.client.getOne('series', { id: 7 })).data.name).toBe('老格式');
    await server.close();
  });

  it('refuses to start on a damaged line that is not the last', async () => {
    const dir = tempDir();
    const dataFile = path.join(dir, 'data.json');
    fs.writeFileSync(dataFile, JSON.stringify(smallSeed()));
    fs.writeFileSync(`${dataFile}.journal`, 'garbage\n[]\n');
    const { code, output } = await runServerToExit({ HUIWU_DATA: dataFile });
    expect(code).not.toBe(0);
    expect(output).toMatch(/line 1 is damaged; refusing to start/);
  });

  it('refuses to start on a line of the wrong shape, naming the file, the line and how to recover', async () => {
    const dir = tempDir();
    const dataFile = path.join(dir, 'data.json');
    fs.writeFileSync(dataFile, JSON.stringify(smallSeed()));
    const good = JSON.stringify([{ r: 'series', put: { id: 7, name: '好的' } }]);
    const wrong = [
      [[{ r: 'series', put: { name: '没有编号' } }], /a "put" without an id/],
      [[{ r: 'series', upsert: { id: 8, name: '不认识' } }], /not one "put" or one "del"/],
      [{ put: { id: 8 } }, /no list named in "r"/],
      [[{ r: 'series', del: { id: 8 } }], /"del" names no id/],
      ['series', /not an object/],
    ] as const;
    for (const [line, problem] of wrong) {
      const journal = `${good}\n${JSON.stringify(line)}\n${good}\n`;
      fs.writeFileSync(`${dataFile}.journal`, journal);
      const { code, output } = await runServerToExit({ HUIWU_DATA: dataFile });
      expect(code).not.toBe(0);
      expect(output).toContain(`${dataFile}.journal: line 2 is not a journal entry`);
      expect(output).toMatch(problem);
      expect(output).toMatch(/refusing to start \(fix or delete that line, or move the journal away/);
      expect(fs.readFileSync(`${dataFile}.journal`, 'utf8')).toBe(journal);
    }
  });

  it('when the disk refuses a write: 500 for it, 503 after, and nothing of it survives a restart', async () => {
    const dir = tempDir();
    const server = await startTestServer({ dir });
    // swap the journal's file for a read-only one, so every write fails as on a failing disk
    const journal = server.store!.journal as unknown as { fd: number };
    const writable = journal.fd;
    journal.fd = fs.openSync(`${server.dataFile}.journal`, 'r');
    const res = await server.api('/series', { method: 'POST', body: JSON.stringify({ name: '写不进去' }) });
    expect(res.status).toBe(500);
    expect((await res.json()).message).toMatch(/disk refused/);
    expect((await server.api('/series')).status).toBe(503);
    fs.closeSync(journal.fd);
    journal.fd = writable;
    await server.close();
    const again = await startTestServer({ dir });
    const { data } = await again.client.getList('series', {
      filter: { q: '写不进去' },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 5 },
    });
    expect(data).toEqual([]);
    await again.close();
  });

  it('is folded into the snapshot when it grows large, losing nothing', async () => {
    const dir = tempDir();
    const server = await startTestServer({ dir });
    const journal = server.store!.journal as unknown as { largeBytes: number };
    journal.largeBytes = 2000;
    const ids: number[] = [];
    for (let i = 0; i < 40; i++)
      ids.push((await server.client.create('series', { data: { name: `系列${i}` } })).data.id as number);
    expect(fs.statSync(`${server.dataFile}.journal`).size).toBeLessThan(4000);
    expect(fs.readFileSync(server.dataFile, 'utf8')).toContain('系列30');
    await server.close();
    const again = await startTestServer({ dir });
    const { total } = await again.client.getList('series', {
      filter: { id: ids },
      sort: { field: 'id', order: 'ASC' },
      pagination: { page: 1, perPage: 50 },
    });
    expect(total).toBe(40);
    await again.close();
  });
});

describeEmbedded('a crash at any moment', () => {
  it('keeps every acknowledged write (SIGKILL during bursts of writes, three times)', async () => {
    const dir = tempDir();
    const dataFile = path.join(dir, 'data.json');
    const seedFile = path.join(dir, 'seed.json');
    fs.writeFileSync(seedFile, JSON.stringify(smallSeed()));
    const env = { HUIWU_DATA: dataFile, HUIWU_SEED: seedFile };
    const acknowledged = new Map<number, string>();
    const updated = new Map<number, string>();

    for (let round = 0; round < 3; round++) {
      const { child, url } = await spawnServer(env);
      const cookie = await loginCookie(url, 'admin', ADMIN_PASSWORD);
      let killed = false;
      const worker = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const name = `嘉宾${round}-${w}-${i}`;
          try {
            const res = await fetch(`${url}/api/attendees`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Cookie: cookie },
              body: JSON.stringify({ summitId: 1, name }),
            });
            if (res.status !== 201) continue;
            const { id } = await json(res);
            acknowledged.set(id as number, name);
            const hotel = `酒店${round}-${i}`;
            const patch = await fetch(`${url}/api/attendees/${id}`, {
              method: 'PATCH',
              headers: { 'Content-Type': 'application/json', Cookie: cookie },
              body: JSON.stringify({ hotel }),
            });
            if (patch.status === 200) updated.set(id as number, hotel);
          } catch {
            return; // the server is gone
          }
        }
      };
      const workers = Array.from({ length: 16 }, (_, w) => worker(w));
      const target = acknowledged.size + 150;
      while (acknowledged.size < target) await new Promise((r) => setTimeout(r, 5));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      killed = true;
      await Promise.all([exited, ...workers]);
    }

    const { child, url } = await spawnServer(env);
    try {
      const cookie = await loginCookie(url, 'admin', ADMIN_PASSWORD);
      const res = await fetch(`${url}/api/attendees?range=${encodeURIComponent('[0,100000]')}`, {
        headers: { Cookie: cookie },
      });
      const rows = (await res.json()) as { id: number; name: string; hotel: string | null }[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(acknowledged.size).toBeGreaterThanOrEqual(450);
      for (const [id, name] of acknowledged) expect(byId.get(id)?.name).toBe(name);
      for (const [id, hotel] of updated) expect(byId.get(id)?.hotel).toBe(hotel);
      expect(byId.get(1)?.name).toBe('张伟'); // the seed is still there
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
