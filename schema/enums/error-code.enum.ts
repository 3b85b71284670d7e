// ErrorCode: the gateway's stable error codes, for the fields that report an error as data.
import { registerEnumType } from 'type-graphql';
import { ERROR_CODES } from '../../src/errors/codes.js';
import { enumObject } from './enum-object.js';

export const ErrorCodeEnum = enumObject(ERROR_CODES);

registerEnumType(ErrorCodeEnum, { name: 'ErrorCode', description: "The gateway's stable error codes: the same as errors' `extensions.code`." });
