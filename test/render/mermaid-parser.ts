/**
 * Parses flowcharts with the real Mermaid parser, the one GitHub's renderer runs.
 *
 * Setup on Node 20: `mermaid` 11.x (12 requires Node 22) and `happy-dom` as devDependencies.
 * Mermaid sanitises every label with DOMPurify, which needs a DOM: without one, parsing fails
 * with "DOMPurify.addHook is not a function". Test files that parse therefore start with
 *
 *     // @vitest-environment happy-dom
 *
 * (jsdom 27+ needs Node 22; happy-dom 21 runs on Node 20.) `mermaid.parse` enforces `maxEdges`
 * (500) and checks `linkStyle` indexes; `maxTextSize` (50,000) is only checked when rendering,
 * which needs a layout engine happy-dom lacks, so tests assert the text length explicitly.
 */
import { Window } from 'happy-dom';
import mermaid from 'mermaid';

mermaid.initialize({ startOnLoad: false });

export interface ParsedVertex {
  readonly id: string;
  /** The label as a reader sees it (Mermaid's entity codes decoded). */
  readonly text: string;
  readonly type: string;
  readonly classes: readonly string[];
}

export interface ParsedEdge {
  readonly start: string;
  readonly end: string;
  readonly text: string;
  /** `thick` (==>), `dotted` (-.->), `normal` (-->). */
  readonly stroke: string;
  readonly style: readonly string[];
}

export interface ParsedFlowchart {
  readonly vertices: readonly ParsedVertex[];
  readonly edges: readonly ParsedEdge[];
  readonly subgraphs: readonly { id: string; title: string; nodes: readonly string[] }[];
  readonly classes: ReadonlyMap<string, readonly string[]>;
  readonly accTitle: string;
  readonly accDescription: string;
}

/**
 * Mermaid turns `#quot;` and `#35;` into placeholders while parsing and back into HTML entities
 * when drawing; the browser then shows the character. This does both steps.
 */
const entityDecoder = new Window().document.createElement('span');

export function decodeMermaid(text: string): string {
  const element = entityDecoder;
  return text
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, code: string) =>
      String.fromCodePoint(Number(code)),
    )
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (_, name: string) => {
      element.innerHTML = `&${name};`;
      return element.textContent ?? '';
    });
}

interface FlowDb {
  getVertices(): Map<string, { id: string; text?: string; type?: string; classes: string[] }>;
  getEdges(): { start: string; end: string; text: string; stroke: string; style?: string[] }[];
  getSubGraphs(): { id: string; title: string; nodes: string[] }[];
  getClasses(): Map<string, { styles: string[] }>;
  getAccTitle(): string;
  getAccDescription(): string;
}

/** Parses `text` as GitHub would; rejects with Mermaid's own error when it would not render. */
export async function parseFlowchart(text: string): Promise<ParsedFlowchart> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as FlowDb;
  return {
    vertices: [...db.getVertices().values()].map((v) => ({
      id: v.id,
      text: decodeMermaid(v.text ?? ''),
      type: v.type ?? '',
      classes: v.classes,
    })),
    edges: db.getEdges().map((e) => ({
      start: e.start,
      end: e.end,
      text: decodeMermaid(e.text),
      stroke: e.stroke,
      style: e.style ?? [],
    })),
    subgraphs: db
      .getSubGraphs()
      .map((s) => ({ id: s.id, title: decodeMermaid(s.title), nodes: s.nodes })),
    classes: new Map([...db.getClasses()].map(([name, c]) => [name, c.styles])),
    accTitle: db.getAccTitle(),
    accDescription: db.getAccDescription(),
  };
}

/** Every ```mermaid block of a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}
