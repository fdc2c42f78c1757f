'use strict';
// A plain gRPC backend: `node backend.js --host 127.0.0.2 --port 0 --name v1-a --version v1`.
// Prints one JSON line {"ready":true,"host":...,"port":N,"name":...} once bound (port 0 picks a free port), answers
// Echo/Call with its identity and the attempt number, and exits when stdin closes or on SIGTERM.
//
// A call can ask the backend to misbehave, so resilience tests need no extra processes and every test stays
// deterministic (no random failures):
//   x-delay-ms: N           answer (or fail) after N ms
//   x-fail-attempts: N      fail attempts 1..N of a call; the attempt is 1 + grpc-previous-rpc-attempts, which gRPC
//                           sets on retries (gRFC A6), so the outcome does not depend on which backend an attempt reaches
//   x-fail-backend: a,b     fail every call that reaches a backend with one of these names
//   x-fail-code: NAME       the status those failures carry (default UNAVAILABLE)

const { grpc, loadEcho, parseArgs, exitWithParent } = require('./protocol');

function header(call, name) {
  const values = call.metadata.get(name);
  return values.length > 0 ? String(values[0]) : '';
}

// The status to fail this call with, or null to answer it.
function failureFor(call, name, attempt) {
  const failAttempts = Number(header(call, 'x-fail-attempts') || 0);
  const failBackends = header(call, 'x-fail-backend').split(',').filter((b) => b.length > 0);
  if (attempt > failAttempts && !failBackends.includes(name)) {
    return null;
  }
  const codeName = header(call, 'x-fail-code') || 'UNAVAILABLE';
  const code = grpc.status[codeName];
  return {
    code: typeof code === 'number' ? code : grpc.status.UNAVAILABLE,
    details: `${name} failed attempt ${attempt} on request`,
  };
}

function handle(call, callback, name, version, address) {
  const attempt = 1 + Number(header(call, 'grpc-previous-rpc-attempts') || 0);
  const reply = () => {
    const failure = failureFor(call, name, attempt);
    if (failure) {
      callback(failure);
    } else {
      callback(null, { backend: name, version, address: address(), attempt });
    }
  };
  const delayMs = Number(header(call, 'x-delay-ms') || 0);
  if (delayMs > 0) {
    setTimeout(reply, delayMs);
  } else {
    reply();
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const host = args.host || '127.0.0.1';
  const name = args.name || 'backend';
  const version = args.version || '';
  const Echo = loadEcho();
  const server = new grpc.Server();
  let address = '';
  server.addService(Echo.service, {
    Call: (call, callback) => handle(call, callback, name, version, () => address),
  });

  server.bindAsync(`${host}:${args.port || 0}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      process.stderr.write(`backend ${name}: bind ${host}:${args.port} failed: ${error.message}\n`);
      process.exit(2);
    }
    address = `${host}:${port}`;
    process.stdout.write(`${JSON.stringify({ ready: true, host, port, name, version })}\n`);
  });

  exitWithParent(() => {
    server.forceShutdown();
    process.exit(0);
  });
}

main();
