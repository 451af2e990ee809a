// A second service process for the replica test: appends events to one tenant's chain
// on the PostgreSQL database named on the command line, in concurrent bursts.
import { AuditWriter } from '../../src/audit/writer.ts';
import { blankDraft } from '../../src/audit/events.ts';
import { systemClock } from '../../src/clock.ts';
import { openPostgres } from '../../src/db/client.ts';
import { ephemeralKeys } from '../../src/auth/keys.ts';
import { registerServiceKey } from '../../src/audit/service-keys.ts';

const [url, tenant, countArg, label] = process.argv.slice(2) as [string, string, string, string];
const handle = openPostgres(url, { max: 4 });
// a replica with a signing key of its own, recorded as the runtime does, so its seals verify
const keys = await ephemeralKeys();
await registerServiceKey(handle.db, keys.service, systemClock.now());
const writer = new AuditWriter(handle, systemClock, {
  checkpoint: { key: keys.service, every: 1000 },
});
const total = Number(countArg);
const draft = () => ({
  ...blankDraft(tenant, systemClock.now(), 'check', label),
  direction: 'inbound',
  visibility: 'public',
  platform: label,
  decision: 'allow',
  mode: 'enforce',
  policyVersion: `${tenant}@0`,
  locale: 'en',
  hmacKeyId: 'test',
});
for (let done = 0; done < total; done += 20) {
  await Promise.all(
    Array.from({ length: Math.min(20, total - done) }, () => writer.append(draft())),
  );
}
await handle.close();
console.log(`${label} appended ${total}`);
