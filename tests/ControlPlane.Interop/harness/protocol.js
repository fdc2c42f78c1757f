'use strict';
// Shared by backend.js and client.js: loads interop.proto and parses `--name value` arguments.

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

function loadEcho() {
  const definition = protoLoader.loadSync(path.join(__dirname, 'interop.proto'), { keepCase: true, defaults: true });
  return grpc.loadPackageDefinition(definition).interop.Echo;
}

// `--key value` pairs; a key given several times collects its values in an array when listed in `repeated`.
function parseArgs(argv, repeated = []) {
  const args = {};
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i];
    if (!key.startsWith('--') || i + 1 >= argv.length) {
      throw new Error(`unexpected argument '${key}': expected --name value pairs`);
    }
    const name = key.slice(2);
    const value = argv[i + 1];
    i += 1;
    if (repeated.includes(name)) {
      (args[name] = args[name] || []).push(value);
    } else {
      args[name] = value;
    }
  }
  return args;
}

// Exit when the parent closes our stdin (or dies): a stray server left on a port would hang the next run.
function exitWithParent(onExit) {
  process.stdin.on('end', onExit);
  process.stdin.on('error', onExit);
  process.stdin.resume();
  process.on('SIGTERM', onExit);
  process.on('SIGINT', onExit);
}

module.exports = { grpc, loadEcho, parseArgs, exitWithParent };
