import { describe, expect, it } from 'vitest';
import { decodeSeedFile } from './seed-file-decoder.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeSeedFile', () => {
  it('accepts UTF-8 Chinese text', () => {
    expect(decodeSeedFile({ fileName: 'a.txt', bytes: encode('一、总体要求\n正文。') }, 1024)).toEqual({
      ok: true, fileName: 'a.txt', text: '一、总体要求\n正文。', warnings: [],
    });
  });

  it('rejects empty and whitespace-only files', () => {
    expect(decodeSeedFile({ fileName: 'a.txt', bytes: new Uint8Array() }, 1024)).toMatchObject({ ok: false, reason: 'file is empty' });
    expect(decodeSeedFile({ fileName: 'a.txt', bytes: encode(' \n\t\n') }, 1024)).toMatchObject({ ok: false, reason: 'file holds only whitespace' });
  });

  it('rejects binary content', () => {
    expect(decodeSeedFile({ fileName: 'a.txt', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) }, 1024)).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/u) });
    const noNul = Uint8Array.from({ length: 400 }, (_, index) => (index * 37) % 31 + 1);
    expect(decodeSeedFile({ fileName: 'a.txt', bytes: noNul }, 1024)).toMatchObject({ ok: false, reason: expect.stringMatching(/binary|neither/u) });
  });

  it('rejects an oversized file and says which setting to change', () => {
    const result = decodeSeedFile({ fileName: 'big.txt', bytes: new Uint8Array(3 * 1024 * 1024 + 1).fill(0x41) }, 2 * 1024 * 1024);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('MAX_SEED_FILE_BYTES') });
  });

  it('reads GB18030 files that government sites still serve', () => {
    // “质量强市” in GB18030.
    const bytes = Uint8Array.from([0xd6, 0xca, 0xc1, 0xbf, 0xc7, 0xbf, 0xca, 0xd0]);
    expect(decodeSeedFile({ fileName: 'gbk.txt', bytes }, 1024)).toEqual({ ok: true, fileName: 'gbk.txt', text: '质量强市', warnings: ['not UTF-8: decoded as GB18030'] });
  });
});
