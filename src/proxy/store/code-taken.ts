import { isUniqueViolation } from './dialect';

/** A write that would give two sites (or two staff members) of one org the same code. */
export interface CodeTaken {
  taken: string;
}

/**
 * Runs a write, turning a unique-index violation on the code into the same
 * answer the write's own check gives, so a race only the index sees is a
 * 422 too, never a 500.
 */
export async function takenOnConflict<T>(code: string, write: () => Promise<T>): Promise<T | CodeTaken> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return { taken: code };
    throw error;
  }
}
