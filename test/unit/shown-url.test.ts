import { describe, expect, it } from 'vitest';
import { shownUrl } from '../../src/server/store/postgres/pool';

/** A database's connection string is printed (the start-up line, `npm run db`'s answers)
 * without its password, in whatever form the password was given. */
describe('a connection string as printed', () => {
  it.each([
    ['postgresql://huiwu:Secret77@db.example.cn:5432/huiwu', 'postgresql://huiwu:***@db.example.cn:5432/huiwu'],
    ['postgresql://postgres@host/huiwu?password=Secret77', 'postgresql://postgres@host/huiwu?password=***'],
    [
      'postgresql://postgres@host/huiwu?sslmode=require&PASSWORD=Secret77',
      'postgresql://postgres@host/huiwu?sslmode=require&PASSWORD=***',
    ],
    // an @ left unencoded in the password: the user part ends at the last @
    ['postgresql://postgres:Pa@ss99@host/huiwu', 'postgresql://postgres:***@host/huiwu'],
    ['host=db port=5432 password=Pass99 dbname=huiwu', 'host=db port=5432 password=*** dbname=huiwu'],
    ["host=db password='Pa ss' dbname=huiwu", 'host=db password=*** dbname=huiwu'],
    ['postgresql://postgres@host/huiwu', 'postgresql://postgres@host/huiwu'],
  ])('%s', (url, shown) => {
    expect(shownUrl(url)).toBe(shown);
    expect(shownUrl(url)).not.toMatch(/Secret77|Pass99|ss99|Pa ss/);
  });

  it('one that is not a URL at all (a / in the password) is named, not shown', () => {
    expect(shownUrl('postgresql://postgres:Pa/ss99@host/huiwu')).toBe('DATABASE_URL');
  });
});
