// `npm run hash-password -- alice`: prints `alice:scrypt.…` for DASHBOARD_USERS. The
// password is read from the terminal without echo (or from a pipe), never from the command
// line, so it does not land in shell history or the process list.
import { hashPassword } from './passwords.ts';

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write('Password (not shown): ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let text = '';
    stdin.on('data', (key: string) => {
      for (const ch of key) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          resolve(text);
          return;
        }
        if (ch === '\u0003') reject(new Error('cancelled'));
        else if (ch === '\u007f') text = text.slice(0, -1);
        else text += ch;
      }
    });
  });
}

const name = process.argv[2];
if (name !== undefined && !/^[^\s:,]{1,100}$/.test(name)) {
  console.error('The user name may not contain spaces, colons or commas.');
  process.exit(1);
}
const password = await readPassword().catch(() => process.exit(1));
if (password.length < 12) {
  console.error('Use a password of at least 12 characters.');
  process.exit(1);
}
const hash = await hashPassword(password);
console.log(name ? `${name}:${hash}` : hash);
