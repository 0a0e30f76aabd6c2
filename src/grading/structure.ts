import type { Block } from './blocks.js';

/** A block that opens with one of these continues an enumeration begun in an earlier block of the section. */
const CONTINUES = /^\s*(second(ly)?|third(ly)?|fourth(ly)?|then|next|finally|lastly|after that|step \d+|\d+[.)]\s)/i;
/** Whether a sentence or block carries on an enumeration: "Second, …", "Then …", "Finally …", "2) …". */
export function continuesEnumeration(text: string): boolean {
  return CONTINUES.test(text);
}

/** A block that ends with a colon leads into the list under it: "The funnel has two stages:". */
const LEADS_IN = /:\s*$/;

/**
 * Numbers the writer's units of thought within one section, block by block: a block is its own unit, except
 * that list items under a lead-in share the lead-in's unit, and a block that continues an enumeration ("Second,
 * …", "Then …", "2) …") shares the unit of the block before it. A passage may join two sentences of one unit
 * further apart than neighbours when they sit in different blocks of it, or when the later one carries the
 * enumeration on (evaluate.ts), as a reader joins "two steps. First, … Second, …"; within one plain paragraph,
 * sentences far apart are usually about different things.
 */
export class UnitTracker {
  private unit = 0;
  private leadIn = false;
  private inList = false;

  next(blockIndex: number, block: Block): number {
    const underLeadIn = block.kind === 'item' && (this.leadIn || this.inList);
    const continues = this.unit > 0 && continuesEnumeration(block.text);
    if (!underLeadIn && !continues) this.unit = blockIndex;
    this.inList = underLeadIn;
    this.leadIn = block.kind !== 'table' && LEADS_IN.test(block.text);
    return this.unit;
  }
}
