import { describe, expect, it } from 'vitest';
import { careSummarySchema, disclosureSchema } from '../src/api/care-schemas.ts';
import { callerFromClaims } from '../src/console/oidc.ts';
import { LANGUAGES, TEXTS } from '../src/console/texts.ts';
import { KINDS } from '../src/detectors/kinds.ts';
import { RULES } from '../src/policies/rules.ts';

describe('the console’s texts', () => {
  it.each(LANGUAGES)('explain every rule, kind and action in %s', (lang) => {
    const t = TEXTS[lang];
    for (const r of RULES) expect(t.rules[r.id], `${lang} rule ${r.id}`).toMatch(/\S{3}/);
    for (const k of KINDS) expect(t.kinds[k], `${lang} kind ${k}`).toMatch(/\S/);
    for (const a of new Set(
      RULES.flatMap((r) => [...r.actions, ...Object.keys(r.actionsWhen ?? {})]),
    ))
      expect(t.actions[a], `${lang} action ${a}`).toMatch(/\S/);
    // every placeholder of the English text is in the translation
    for (const [key, en] of Object.entries(TEXTS.en.ui)) {
      const want = [...en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const got = [...(t.ui as Record<string, string>)[key]!.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort();
      expect(got, `${lang} ${key}`).toEqual(want);
    }
  });
});

describe('the care metrics’ and custom kinds’ texts', () => {
  const channels = careSummarySchema.shape.groups.element.shape.channel.options;
  const statuses = disclosureSchema.shape.status.options;
  it.each(LANGUAGES)(
    'name every follow-up status and channel the care summary gives in %s',
    (lang) => {
      const ui = TEXTS[lang].ui as Record<string, string>;
      for (const s of statuses) expect(ui[`care.${s}`], `${lang} care.${s}`).toMatch(/\S/);
      for (const c of channels) expect(ui[`channel.${c}`], `${lang} channel.${c}`).toMatch(/\S/);
      // the four statuses read differently, or the chart's legend could not tell them apart
      expect(new Set(statuses.map((s) => ui[`care.${s}`])).size).toBe(statuses.length);
    },
  );
  it.each(LANGUAGES)(
    'mark a custom kind as the tenant’s own in %s, unlike any built-in kind',
    (lang) => {
      const t = TEXTS[lang];
      expect(t.ui.customKind).toContain('{name}');
      const marker = t.ui.customKind.replace('{name}', '').trim();
      expect(marker).toMatch(/\S{3}/);
      for (const k of KINDS) expect(t.kinds[k], `${lang} kind ${k}`).not.toContain(marker);
      // a custom kind may not be named like a text key of the built-in kinds
      expect(Object.keys(t.kinds).sort()).toEqual([...KINDS].sort());
    },
  );
});

describe('roles and tenant from the provider’s claims', () => {
  const settings = { tenantClaim: 'org.tenant', rolesClaim: 'realm_access.roles' };
  it('reads dotted paths and maps roles to the console’s scopes', () => {
    const made = callerFromClaims(
      {
        sub: 'u1',
        name: 'Ona',
        org: { tenant: 'bank' },
        realm_access: { roles: ['officer', 'x'] },
      },
      { ...settings, roleScopes: { officer: ['audit:read', 'audit:review'] } },
    );
    expect('caller' in made && [...made.caller.scopes].sort()).toEqual([
      'audit:read',
      'audit:review',
    ]);
    expect('caller' in made && made.caller.tenant).toBe('bank');
  });
  it('takes a role named like a scope, a space-separated string, and refuses what grants nothing', () => {
    const made = callerFromClaims(
      { sub: 'u1', tenant: 'bank', roles: 'policy:admin check' },
      { tenantClaim: 'tenant', rolesClaim: 'roles' },
    );
    expect('caller' in made && [...made.caller.scopes]).toEqual(['policy:admin']);
    expect(
      callerFromClaims(
        { sub: 'u1', tenant: 'bank', roles: ['check'] },
        { tenantClaim: 'tenant', rolesClaim: 'roles' },
      ),
    ).toEqual({ refused: 'no_role' });
    expect(
      callerFromClaims(
        { sub: 'u1', roles: ['audit:read'] },
        { tenantClaim: 'tenant', rolesClaim: 'roles' },
      ),
    ).toEqual({ refused: 'no_tenant' });
    expect(
      callerFromClaims(
        { sub: 'u1', tenant: 'a\u0000b', roles: ['audit:read'] },
        { tenantClaim: 'tenant', rolesClaim: 'roles' },
      ),
    ).toEqual({ refused: 'no_tenant' });
  });
});
