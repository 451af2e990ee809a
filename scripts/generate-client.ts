import { writeFileSync } from 'node:fs';
import { generateClientTypes } from './client-types.ts';

// npm run client:generate: rewrites src/client/openapi-types.ts from the OpenAPI document
writeFileSync(
  new URL('../src/client/openapi-types.ts', import.meta.url),
  await generateClientTypes(),
);
