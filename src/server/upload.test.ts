import { describe, expect, it } from 'vitest';
import { checkUpload, safeFileName } from './upload.js';

describe('upload checks', () => {
  it('keeps only a safe last path segment', () => {
    expect(safeFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(safeFileName('C:\\reports\\报告.docx')).toBe('报告.docx');
    expect(safeFileName('..')).toBe('upload');
    expect(safeFileName('.hidden.html')).toBe('_hidden.html');
    expect(safeFileName('a<b>:c|d?.txt')).toBe('a_b__c_d_.txt');
    expect(safeFileName(`${'长'.repeat(200)}.pdf`)).toMatch(/^长{116}\.pdf$/u);
  });

  it('accepts reports by extension and content', () => {
    const text = new TextEncoder().encode('某县2023年法治政府建设年度报告');
    expect(checkUpload('a.txt', text, 1000)).toBeNull();
    expect(checkUpload('a.HTML', text, 1000)).toBeNull();
    expect(checkUpload('a.pdf', new TextEncoder().encode('%PDF-1.7\n'), 1000)).toBeNull();
    expect(checkUpload('a.docx', new Uint8Array([0x50, 0x4b, 3, 4, 0]), 1000)).toBeNull();
  });

  it('refuses other types, disguised content, empty and large files', () => {
    const text = new TextEncoder().encode('hello');
    expect(checkUpload('a.exe', text, 1000)?.code).toBe('unsupported-type');
    expect(checkUpload('a', text, 1000)?.code).toBe('unsupported-type');
    expect(checkUpload('a.pdf', text, 1000)?.code).toBe('bad-content');
    expect(checkUpload('a.docx', text, 1000)?.code).toBe('bad-content');
    expect(checkUpload('a.txt', new Uint8Array([0x4d, 0x5a, 0, 0]), 1000)?.code).toBe('bad-content');
    expect(checkUpload('a.txt', new Uint8Array(0), 1000)?.code).toBe('empty');
    expect(checkUpload('a.txt', new Uint8Array(2000).fill(65), 1000)?.code).toBe('too-large');
  });
});
