import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../src/api/docs-routes.ts';
import { SERVICE_VERSION } from '../src/version.ts';

const HEADER = `// Generated from the service's OpenAPI document by \`npm run client:generate\`
// (openapi-typescript). Do not edit: test/client.test.ts fails when it is out of date.
`;

/** The client's types, generated from the OpenAPI document the service serves. */
export async function generateClientTypes(): Promise<string> {
  const ast = await openapiTS(structuredClone(openApiDocument(SERVICE_VERSION)) as never, {
    alphabetize: true,
    // a member with a default may be left out of a request
    defaultNonNullable: false,
  });
  return HEADER + astToString(ast);
}
