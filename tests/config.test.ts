import { afterEach, describe, expect, it } from 'vitest';
import { checkNodeVersion, loadConfig } from '../src/config.ts';

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

describe('checkNodeVersion', () => {
  it.each(['v20.12.0', 'v20.20.2', 'v21.7.0', 'v22.1.0', 'v24.0.0-nightly20250101', 'a custom build'])('accepts %s', (version) => {
    expect(() => checkNodeVersion(version)).not.toThrow();
  });

  it.each(['v20.5.0', 'v20.11.1', 'v18.19.1', 'v16.20.2', 'v21.6.2'])('refuses %s, naming the version found and the one needed', (version) => {
    expect(() => checkNodeVersion(version)).toThrow(`Cử tri hỏi needs Node.js 20.12 or newer`);
    expect(() => checkNodeVersion(version)).toThrow(`this is ${version}. Please install`);
  });

  describe('in loadConfig', () => {
    const real = Object.getOwnPropertyDescriptor(process, 'version') as PropertyDescriptor;
    afterEach(() => {
      Object.defineProperty(process, 'version', real);
    });

    it('runs before anything else, so an old Node is named instead of a bad variable', () => {
      Object.defineProperty(process, 'version', { ...real, value: 'v20.5.0' });
      expect(() => load({ PORT: 'x' })).toThrow('Cử tri hỏi needs Node.js 20.12 or newer; this is v20.5.0.');
    });
  });
});
