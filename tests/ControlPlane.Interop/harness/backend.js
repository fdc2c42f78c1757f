'use strict';
// A plain gRPC backend: `node backend.js --host 127.0.0.2 --port 0 --name v1-a --version v1`.
// Prints one JSON line {"ready":true,"host":...,"port":N,"name":...} once bound (port 0 picks a free port), answers
// Echo/Call with its identity, and exits when stdin closes or on SIGTERM.

const { grpc, loadEcho, parseArgs, exitWithParent } = require('./protocol');

function main() {
  const args = parseArgs(process.argv.slice(2));
  const host = args.host || '127.0.0.1';
  const name = args.name || 'backend';
  const version = args.version || '';
  const Echo = loadEcho();
  const server = new grpc.Server();
  let address = '';
  server.addService(Echo.service, {
    Call: (_call, callback) => callback(null, { backend: name, version, address }),
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
