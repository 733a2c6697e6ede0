import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** What the import rule reports for `code` as if it were the file at `path`. */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports' || message.fatal)
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the lint rule that keeps domain and application code off infrastructure', () => {
  it.each([
    ["import { RabbitMqBus } from '@play-economy/chassis';", /chassis\/domain/],
    ["import type { EventBus } from '@play-economy/chassis/bus';", /chassis\/domain/],
    ["import { MongoClient } from 'mongodb';", /infrastructure\//],
    ["import { connect } from 'amqplib';", /infrastructure\//],
    ["import { ApolloServer } from '@apollo/server';", /infrastructure\//],
    ["import { MongoItemRepository } from '../infrastructure/MongoItemRepository.ts';", /ports/],
  ])('refuses `%s` in a domain file', async (code, reason) => {
    const messages = await lint('subgraphs/catalog/src/domain/Example.ts', `${code}\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports: /);
    expect(messages[0]).toMatch(reason);
  });

  it('refuses the bus in an application file too', async () => {
    const code = "import { InProcessBus } from '@play-economy/chassis';\nvoid InProcessBus;\n";
    const messages = await lint('subgraphs/trading/src/application/Example.ts', code);
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it('lets domain code use the chassis domain entry and its own ports', async () => {
    const code = [
      "import { InvalidInput, type UnitOfWork } from '@play-economy/chassis/domain';",
      "import type { ItemRepository } from './ItemRepository.ts';",
      'export type Uses = [InvalidInput, UnitOfWork, ItemRepository];',
      '',
    ].join('\n');
    expect(await lint('subgraphs/catalog/src/domain/Example.ts', code)).toEqual([]);
  });

  it('leaves infrastructure free to use the drivers', async () => {
    const code = "import { MongoClient } from 'mongodb';\nexport const client = MongoClient;\n";
    expect(await lint('subgraphs/catalog/src/infrastructure/Example.ts', code)).toEqual([]);
  });
});
