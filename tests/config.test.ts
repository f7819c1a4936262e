import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');

describe('loadConfig', () => {
  it('applies defaults and parses admin ids', () => {
    const config = load({ ADMIN_IDS: '1, 22' });
    expect(config).toMatchObject({ corpusDir: 'corpus', indexDir: 'data/index', logLevel: 'info' });
    expect(config.telegram).toMatchObject({ adminIds: [1, 22], ratePerMinute: 20, webhook: undefined });
  });

  it('names the variable that is wrong', () => {
    expect(() => load({ ADMIN_IDS: 'alice' })).toThrow(/ADMIN_IDS/);
    expect(() => load({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => load({ WEBHOOK_URL: 'http://bot.example.org/hook', WEBHOOK_SECRET: 's' })).toThrow(/WEBHOOK_URL: must be an https/);
  });

  it('reads the embedder settings: auto by default, models from models/ only', () => {
    expect(load({}).embedding).toEqual({ mode: 'auto', model: 'Xenova/multilingual-e5-small', modelsDir: 'models', allowRemote: false });
    expect(load({ EMBEDDER: 'transformers', EMBEDDING_MODEL: 'Xenova/bge-m3', ALLOW_REMOTE_MODELS: 'true', MODEL_HOST: 'https://mirror.example.org/' }).embedding).toEqual({
      mode: 'transformers',
      model: 'Xenova/bge-m3',
      modelsDir: 'models',
      allowRemote: true,
      remoteHost: 'https://mirror.example.org/',
    });
    expect(() => load({ EMBEDDER: 'neural' })).toThrow(/EMBEDDER/);
    expect(() => load({ EMBEDDING_MODEL: '../../etc' })).toThrow(/EMBEDDING_MODEL: must be a model id/);
    expect(() => load({ ALLOW_REMOTE_MODELS: 'yes' })).toThrow(/ALLOW_REMOTE_MODELS/);
  });

  it('refuses a webhook without a secret, so nobody can post updates posing as an admin', () => {
    expect(() => load({ WEBHOOK_URL: 'https://bot.example.org/hook' })).toThrow(/WEBHOOK_SECRET: is required/);
    expect(load({ WEBHOOK_URL: 'https://bot.example.org/hook', WEBHOOK_SECRET: 'abc', PORT: '9000' }).telegram.webhook).toEqual({
      url: 'https://bot.example.org/hook',
      secret: 'abc',
      port: 9000,
    });
  });

  it('never puts the token in an error message', () => {
    const token = '123456:SECRET-token-value';
    expect(() => load({ TELEGRAM_BOT_TOKEN: token, PORT: 'x' })).toThrow(/PORT/);
    try {
      load({ TELEGRAM_BOT_TOKEN: token, PORT: 'x' });
    } catch (error) {
      expect((error as Error).message).not.toContain(token);
    }
  });
});
