// The input and output schemas of the pages of check, list and graph (engine/render/paging.ts pages them).
import * as z from 'zod';
import { MAX_LIMIT } from '../engine/render/paging';

/** The input fields of a paginated tool; `first` is its default page size. */
export function pageInput(
  first: number,
  items: string,
): {
  limit: z.ZodOptional<z.ZodNumber>;
  cursor: z.ZodOptional<z.ZodString>;
} {
  return {
    limit: z
      .number()
      .int()
      .min(0)
      .max(MAX_LIMIT)
      .optional()
      .describe(`${items} per page (default ${first}; 0: the summary only)`),
    cursor: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("the 'page.nextCursor' of the previous answer, for the next page"),
  };
}

export const pageOutput = z
  .object({
    total: z.number().int().describe('items in all pages'),
    offset: z.number().int().describe('index of the first item of this page'),
    returned: z.number().int().describe('items in this page'),
    nextCursor: z
      .string()
      .nullable()
      .describe("pass as 'cursor' (with the same other arguments) for the next page; null: this is the last"),
  })
  .describe('which part of the items this answer holds');
