/**
 * PDF documents (assignments now; journals, care plans and reports later) through pdfmake's
 * server API. The Roboto fonts pdfmake ships are embedded, so å, ä and ö print and can be searched
 * and copied; pdfmake may read nothing but that font folder and fetch nothing from the network,
 * so text in a document can never make the server open a file or a URL.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

const FONTS = {
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    // pdfmake ships Medium, not Bold; it prints as the bold weight.
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};

let isConfigured = false;

// pdfmake keeps its fonts and policies on one shared instance; setting them again is harmless.
function configure(): void {
  if (isConfigured) return;
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));
  isConfigured = true;
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const bytes = await pdfmake.createPdf(document).getBuffer();
  return Buffer.from(bytes);
}

export interface DocumentFrame {
  /** Shown in the PDF reader's title bar and in the header of every page. */
  title: string;
  /** Top right of every page, e.g. the municipality. */
  issuer: string;
  /** Printed diagonally over every page, e.g. UTKAST for a draft. */
  watermark?: string | undefined;
  content: Content;
}

/** The house style every document shares: A4, Roboto, a header with issuer and title, "Sida 1 av 2". */
export function framedDocument(frame: DocumentFrame): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [48, 64, 48, 56],
    info: { title: frame.title, creator: 'Vardag', producer: 'Vardag' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    ...(frame.watermark ? { watermark: { text: frame.watermark, opacity: 0.12, bold: true } } : {}),
    header: () => ({
      columns: [
        { text: frame.title, style: 'pageHeader' },
        { text: frame.issuer, style: 'pageHeader', alignment: 'right' },
      ],
      margin: [48, 28, 48, 0],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      text: `Sida ${currentPage} av ${pageCount}`,
      style: 'pageHeader',
      alignment: 'right',
      margin: [48, 16, 48, 0],
    }),
    styles: {
      pageHeader: { fontSize: 8, color: '#4f5b67' },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 11, color: '#4f5b67', margin: [0, 0, 0, 12] },
      heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
      label: { fontSize: 8, color: '#4f5b67' },
      tableHeader: { bold: true, fontSize: 9, fillColor: '#eef1f4' },
      emphasis: { bold: true, fontSize: 11 },
      muted: { color: '#4f5b67', italics: true },
    },
    content: frame.content,
  };
}

/** A grid of label-over-value facts, two per row, e.g. "Beslutsdatum / 2026-03-01". */
export function factGrid(facts: readonly (readonly [label: string, value: string])[]): Content {
  const cells = facts.map(
    ([label, value]): Content => ({
      stack: [{ text: label, style: 'label' }, { text: value || '–' }],
      margin: [0, 0, 0, 6],
    }),
  );
  const rows: Content[][] = [];
  for (let index = 0; index < cells.length; index += 2) rows.push([cells[index]!, cells[index + 1] ?? { text: '' }]);
  return { table: { widths: ['*', '*'], body: rows }, layout: 'noBorders' };
}
