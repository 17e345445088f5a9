/**
 * The table of news outlets (server/data/outlets.yaml): which outlet a source URL's host, a page's
 * site name or a dateline's name stands for. The built-in table is parsed at build time.
 */
import { parse } from 'yaml';

export interface Outlet {
  /** The name in simplified script. */
  name: string;
  /** The name in traditional script (the simplified name when they are the same). */
  traditional: string;
  en?: string;
  domains: string[];
  /** Every name that stands for the outlet in a dateline or a site name. */
  names: string[];
}

export interface OutletTable {
  outlets: Outlet[];
  platforms: string[];
  problems: string[];
}

export function parseOutletTable(text: string): OutletTable {
  const table: OutletTable = { outlets: [], platforms: [], problems: [] };
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    table.problems.push(`outlets.yaml is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
    return table;
  }
  const root = (data ?? {}) as { outlets?: unknown; platforms?: unknown };
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : []);
  for (const [index, entry] of (Array.isArray(root.outlets) ? root.outlets : []).entries()) {
    const fields = (entry ?? {}) as Record<string, unknown>;
    if (typeof fields.name !== 'string' || !fields.name.trim()) {
      table.problems.push(`outlet ${index + 1} has no name`);
      continue;
    }
    const name = fields.name.trim();
    const traditional = typeof fields.traditional === 'string' && fields.traditional.trim() ? fields.traditional.trim() : name;
    const en = typeof fields.en === 'string' && fields.en.trim() ? fields.en.trim() : undefined;
    const domains = strings(fields.domains).map((domain) => domain.toLowerCase());
    const names = [...new Set([name, traditional, ...(en ? [en] : []), ...strings(fields.datelines)])];
    table.outlets.push({ name, traditional, en, domains, names });
  }
  table.platforms = strings(root.platforms).map((domain) => domain.toLowerCase());
  return table;
}

/** Looks up outlets by host and by name; built once per table. */
export class OutletIndex {
  private readonly byDomain = new Map<string, Outlet | 'platform'>();
  private readonly byName = new Map<string, Outlet>();
  /** Names longest first, for reading the name a dateline starts with. */
  private readonly namesLongestFirst: string[];

  constructor(table: OutletTable) {
    for (const outlet of table.outlets) {
      for (const domain of outlet.domains) this.byDomain.set(domain, outlet);
      for (const name of outlet.names) this.byName.set(name.toLowerCase(), outlet);
    }
    for (const domain of table.platforms) this.byDomain.set(domain, 'platform');
    this.namesLongestFirst = [...this.byName.keys()].sort((a, b) => b.length - a.length);
  }

  /** The outlet a URL's host belongs to, 'platform' for hosts that carry others' work, or undefined. */
  ofUrl(url: string): Outlet | 'platform' | undefined {
    const host = hostOf(url);
    if (!host) return undefined;
    // The longest listed domain the host ends with wins (cn.nytimes.com before nytimes.com).
    for (let at = 0; ; ) {
      const found = this.byDomain.get(host.slice(at));
      if (found) return found;
      const dot = host.indexOf('.', at);
      if (dot < 0) return undefined;
      at = dot + 1;
    }
  }

  /** The outlet a site name or dateline name stands for, compared whole. */
  named(name: string): Outlet | undefined {
    return this.byName.get(name.trim().toLowerCase());
  }

  /** The outlet whose name `text` starts with, and that name's length. */
  startingWith(text: string): { outlet: Outlet; length: number } | undefined {
    const lower = text.slice(0, 24).toLowerCase();
    for (const name of this.namesLongestFirst) if (lower.startsWith(name)) return { outlet: this.byName.get(name)!, length: name.length };
    return undefined;
  }
}

/** The URL an archive copy stands for: `https://web.archive.org/web/20211025010845/https://www.hkcnews.com/…` is the latter. */
export function unwrapArchiveUrl(url: string): string {
  const wayback = /^https?:\/\/(?:web\.)?archive\.org\/web\/\d{1,14}[a-z_]{0,4}\/(https?:\/\/.*)$/i.exec(url.trim());
  return wayback ? wayback[1] : url.trim();
}

/** A URL's host, lower-cased, without `www.`. */
export function hostOf(url: string): string | undefined {
  const match = /^(?:https?:)?\/\/(?:[^/@?#]*@)?(?:www\.)?([^/:?#]+)/i.exec(url.trim());
  return match ? match[1].toLowerCase() : undefined;
}
