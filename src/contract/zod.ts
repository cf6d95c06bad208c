import { z } from 'zod/mini';

// The contract and the browser take Zod from here (lint forbids importing 'zod' directly
// there), and they take zod/mini: its functional API lets the bundler drop what we do not
// use, which the method-chaining classic API cannot (issue #12, the initial JS budget).
//
// Classic Zod compiles object parsers with `new Function` and probes whether it may when the
// first object schema is built; under our CSP (no 'unsafe-eval') that probe is reported as a
// violation even though Zod catches it. zod/mini's objects do not compile, but the setting is
// global and shared with the classic Zod of the server, so it is set before any schema exists.
//
// zod/mini loads no locale: a check without its own message says "Invalid input". Every rule
// whose message reaches a person names its own; parse-plivo.ts asks for English explicitly.
z.config({ jitless: true });

export { z };
