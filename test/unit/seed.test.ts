import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../src/schema';
import { checkWrite } from '../../src/schema/validate';
import { tempDir } from '../helpers/server';

type Row = Record<string, unknown> & { id: number };
const seed = JSON.parse(fs.readFileSync('db/seed.json', 'utf8')) as Record<string, Row[]>;

describe('the demo data', () => {
  it('is what the generator makes, byte for byte (it is deterministic)', () => {
    const out = path.join(tempDir(), 'seed.json');
    execFileSync(process.execPath, ['--import', 'tsx', 'db/generate-seed.ts', out], { stdio: 'pipe' });
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync('db/seed.json', 'utf8'));
  });

  it('passes the server’s own validation, and every reference points at a record', () => {
    for (const resource of resources) {
      for (const row of seed[resource.name] ?? []) {
        const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = row;
        expect(checkWrite(resource, fields).reasons, `${resource.name}#${row.id}`).toEqual({});
        for (const field of resource.fields.filter((f) => f.type === 'reference' && row[f.source] !== null)) {
          expect(
            seed[field.reference!].some((target) => target.id === row[field.source]),
            `${resource.name}#${row.id}.${field.source}`,
          ).toBe(true);
        }
      }
    }
  });

  it('is big enough to feel real', () => {
    const count = (name: string) => seed[name].length;
    expect(count('summits')).toBeGreaterThanOrEqual(4);
    expect(count('series')).toBeGreaterThanOrEqual(3);
    expect(count('lectures')).toBeGreaterThanOrEqual(20);
    expect(count('ceremonies')).toBeGreaterThanOrEqual(5);
    expect(count('attendees')).toBeGreaterThanOrEqual(300);
    expect(count('organizations')).toBeGreaterThanOrEqual(60);
    expect(count('agreements')).toBeGreaterThanOrEqual(50);
    expect(count('followups')).toBeGreaterThanOrEqual(150);
    const statuses = new Set(seed.agreements.map((a) => a.status));
    expect([...statuses].sort()).toEqual(['completed', 'inProgress', 'landed', 'signed', 'stalled', 'terminated']);
    const roles = new Set(seed.attendees.map((a) => a.role));
    for (const role of ['academician', 'expert', 'entrepreneur', 'official', 'media']) expect(roles).toContain(role);
  });

  it('has a matchmaking meeting with eleven signings', () => {
    const matchmaking = seed.summits.find((s) => s.kind === 'matchmaking')!;
    const ceremonyIds = seed.ceremonies.filter((c) => c.summitId === matchmaking.id).map((c) => c.id);
    expect(seed.agreements.filter((a) => ceremonyIds.includes(a.ceremonyId as number))).toHaveLength(11);
  });
});
