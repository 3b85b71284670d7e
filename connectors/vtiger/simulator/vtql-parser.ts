// Parses the VTQL subset the simulator answers, with Vtiger's own syntax-error wording.
import { VtigerFault } from './vtiger-fault.js';

export type Comparison = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'LIKE';

export type Condition =
  | { kind: 'compare'; column: string; op: Comparison; value: string }
  | { kind: 'in'; column: string; values: string[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition };

export interface VtqlQuery {
  select: '*' | 'count' | string[];
  modules: string[];
  where: Condition | null;
  orderBy: { column: string; descending: boolean }[];
  limit: { offset: number; count: number } | null;
}

type TokenKind = 'WORD' | 'VALUE' | 'NUMBER' | 'OP' | 'COMMA' | 'LPAREN' | 'RPAREN' | 'STAR' | 'SEMICOLON';
interface Token {
  kind: TokenKind;
  text: string;
}

/** Vtiger's lexer names for operator tokens, as its error messages print them. */
const OP_NAMES: Record<string, string> = { '=': 'EQ', '!=': 'NE', '<': 'LT', '>': 'GT', '<=': 'LTE', '>=': 'GTE' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new VtigerFault('INTERNAL_SERVER_ERROR', 'Unknown Error while processing request');
        const c = text[i] ?? '';
        if (c === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (c === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push({ kind: 'VALUE', text: value });
    } else if (ch === '"') {
      // Double-quoted literals reach the database unescaped and fail there.
      throw new VtigerFault('INTERNAL_SERVER_ERROR', 'Unknown Error while processing request');
    } else if (/[<>=!]/.test(ch)) {
      const two = text.slice(i, i + 2);
      const op = ['<=', '>=', '!='].includes(two) ? two : ch;
      tokens.push({ kind: 'OP', text: op });
      i += op.length;
    } else if (ch === ',' || ch === '(' || ch === ')' || ch === '*' || ch === ';') {
      const kinds: Record<string, TokenKind> = { ',': 'COMMA', '(': 'LPAREN', ')': 'RPAREN', '*': 'STAR', ';': 'SEMICOLON' };
      tokens.push({ kind: kinds[ch] ?? 'WORD', text: ch });
      i++;
    } else {
      const match = /^[^\s'",()*;<>=!]+/.exec(text.slice(i));
      const word = match?.[0] ?? ch;
      tokens.push({ kind: /^\d+$/.test(word) ? 'NUMBER' : 'WORD', text: word });
      i += word.length;
    }
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): VtqlQuery {
    this.keyword('SELECT');
    const select = this.selectList();
    this.keyword('FROM');
    const modules = [this.word('MODULENAME')];
    while (this.peek()?.kind === 'COMMA') {
      this.next();
      modules[0] += ',';
      if (this.peek()?.kind === 'WORD') modules.push(this.word('MODULENAME'));
    }
    let where: Condition | null = null;
    if (this.isKeyword('WHERE')) {
      this.next();
      where = this.disjunction();
    }
    const orderBy: VtqlQuery['orderBy'] = [];
    if (this.isKeyword('ORDER')) {
      this.next();
      this.keyword('BY');
      do {
        if (orderBy.length > 0) this.next();
        const column = this.word('COLUMNNAME');
        let descending = false;
        if (this.isKeyword('ASC') || this.isKeyword('DESC')) descending = this.next().text.toUpperCase() === 'DESC';
        orderBy.push({ column, descending });
      } while (this.peek()?.kind === 'COMMA');
    }
    let limit: VtqlQuery['limit'] = null;
    if (this.isKeyword('LIMIT')) {
      this.next();
      const first = Number(this.expect('NUMBER', 'NUMBER').text);
      if (this.peek()?.kind === 'COMMA') {
        this.next();
        limit = { offset: first, count: Number(this.expect('NUMBER', 'NUMBER').text) };
      } else limit = { offset: 0, count: first };
    }
    this.expect('SEMICOLON', 'SEMICOLON');
    return { select, modules, where, orderBy, limit };
  }

  private selectList(): VtqlQuery['select'] {
    if (this.peek()?.kind === 'STAR') {
      this.next();
      return '*';
    }
    if (this.peek()?.text.toLowerCase() === 'count' && this.tokens[this.position + 1]?.kind === 'LPAREN') {
      this.position += 2;
      this.expect('STAR', 'STAR');
      this.expect('RPAREN', 'RPAREN');
      return 'count';
    }
    const columns = [this.word('COLUMNNAME')];
    while (this.peek()?.kind === 'COMMA') {
      this.next();
      columns.push(this.word('COLUMNNAME'));
    }
    return columns;
  }

  /** OR binds looser than AND: Vtiger hands the conditions to MySQL in order, which applies SQL precedence. */
  private disjunction(): Condition {
    let left = this.conjunction();
    while (this.isKeyword('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.conjunction() };
    }
    return left;
  }

  private conjunction(): Condition {
    let left = this.term();
    while (this.isKeyword('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.term() };
    }
    return left;
  }

  private term(): Condition {
    const column = this.word('COLUMNNAME');
    const token = this.peek();
    if (token?.kind === 'WORD' && token.text.toUpperCase() === 'IN') {
      this.next();
      this.expect('LPAREN', 'LPAREN');
      const values = [this.value()];
      while (this.peek()?.kind === 'COMMA') {
        this.next();
        values.push(this.value());
      }
      this.expect('RPAREN', 'RPAREN');
      return { kind: 'in', column, values };
    }
    if (token?.kind === 'WORD' && token.text.toUpperCase() === 'LIKE') {
      this.next();
      return { kind: 'compare', column, op: 'LIKE', value: this.value() };
    }
    if (token?.kind === 'OP' && token.text in OP_NAMES) {
      this.next();
      return { kind: 'compare', column, op: token.text as Comparison, value: this.value() };
    }
    throw this.unexpected(token, 'EQ,LT,GT,LTE,GTE,NE,IN,LIKE');
  }

  private value(): string {
    const token = this.peek();
    if (token?.kind === 'VALUE' || token?.kind === 'NUMBER') return this.next().text;
    throw this.unexpected(token, 'VALUE');
  }

  private word(expected: string): string {
    const token = this.peek();
    if (token?.kind === 'WORD' || token?.kind === 'NUMBER') return this.next().text;
    throw this.unexpected(token, expected);
  }

  private keyword(word: string): void {
    if (!this.isKeyword(word)) throw this.unexpected(this.peek(), word);
    this.next();
  }

  private expect(kind: TokenKind, expected: string): Token {
    const token = this.peek();
    if (token?.kind !== kind) throw this.unexpected(token, expected);
    return this.next();
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'WORD' && token.text.toUpperCase() === word;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (!token) throw this.unexpected(undefined, 'VALUE');
    this.position++;
    return token;
  }

  private unexpected(token: Token | undefined, expected: string): VtigerFault {
    if (!token) {
      const last = this.tokens[this.tokens.length - 1]?.text ?? '';
      return new VtigerFault('QUERY_SYNTAX_ERROR', `Syntax Error on line 1: token '${last}' Unexpected End of Input(0), expected one of: ${expected}`);
    }
    const kind = token.kind === 'OP' ? (OP_NAMES[token.text] ?? 'OP') : token.kind === 'WORD' ? 'VALUE' : token.kind;
    return new VtigerFault('QUERY_SYNTAX_ERROR', `Syntax Error on line 1: token '${token.text}' Unexpected ${kind}(${token.text}), expected one of: ${expected}`);
  }
}

/**
 * Parses one statement. Anything but a SELECT (DROP TABLE…, an empty query) is refused the way
 * Vtiger refuses it; a double-quoted or unterminated literal gives INTERNAL_SERVER_ERROR.
 */
export function parseVtql(text: string): VtqlQuery {
  const trimmed = text.trim();
  if (!/^select\b/i.test(trimmed)) throw VtigerFault.accessDenied(' for query');
  return new Parser(tokenize(trimmed)).parse();
}
