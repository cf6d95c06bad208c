// The server the browser tests run against: the real dashboard server on the built-in
// simulator, started from the production build.
import '../../src/server/main.ts';
