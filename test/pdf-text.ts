/**
 * The text of a PDF, as a reader would copy it: pdf.js (pure JavaScript, so `npm test` needs
 * nothing from the system) reads each page's text runs, which are joined in the order they are
 * drawn with a line break where the text ends a line. Tests check that Swedish text (å ä ö) survives
 * into the printed document, i.e. that the embedded fonts map every glyph back to its character.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages.join('\n');
  } finally {
    await document.destroy();
  }
}
