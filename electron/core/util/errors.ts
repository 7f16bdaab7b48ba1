// An error a caller can act on: it carries the HTTP status, a stable code and, for bad input, the
// field at fault (the class and the error mapping live with the contract, shared/contract/errors.ts).
// Anything else that escapes is a bug and is answered as a 500 without detail.
import { ApiError } from '../../../shared/contract.js';

export {
  ApiError,
  isBusyError,
  isStorageError,
  storageFaultKind,
  type StorageFaultKind,
} from '../../../shared/contract/errors.js';

export const notFound = (what: string, id: string): ApiError =>
  new ApiError(404, 'not_found', `${what} ${id} does not exist`);

export const conflict = (code: string, message: string): ApiError =>
  new ApiError(409, code, message);
