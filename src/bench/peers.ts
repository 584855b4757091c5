/**
 * Peers the figure extractor is compared with on the same text: Microsoft Recognizers-Text's
 * Chinese number model (a devDependency, loaded only here) and word segmentation with
 * Intl.Segmenter, the cheapest tokenization Node has.
 */
import { createRequire } from 'node:module';

export interface Peer {
  name: string;
  /** Process one text; returns a count so the work cannot be optimized away. */
  run(text: string): number;
}

export async function loadPeers(): Promise<Peer[]> {
  const peers: Peer[] = [];
  try {
    const require = createRequire(import.meta.url);
    const recognizers = require('@microsoft/recognizers-text-number') as {
      recognizeNumber(text: string, culture: string): unknown[];
      Culture: { Chinese: string };
    };
    peers.push({
      name: '@microsoft/recognizers-text-number (zh-cn)',
      run: (text) => recognizers.recognizeNumber(text, recognizers.Culture.Chinese).length,
    });
  } catch {
    console.log('  (@microsoft/recognizers-text-number not installed; skipped)');
  }
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  peers.push({
    name: 'Intl.Segmenter zh words (tokenizing only)',
    run: (text) => {
      let n = 0;
      for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
      return n;
    },
  });
  return peers;
}
