'use strict';
// Runs resources through @grpc/grpc-js-xds's own decoders and validators, without a control plane or a channel:
//   node validate.js resources.json
// where resources.json is [{"type_url": "type.googleapis.com/envoy.config.listener.v3.Listener", "value": "<base64>"}, ...].
// Prints one JSON line per resource: {"index":i,"name":...,"ok":true} or {"index":i,"name":...,"ok":false,"error":...}.
// The error text is what the client would put in a NACK's error_detail.

const fs = require('node:fs');
const xds = require('@grpc/grpc-js-xds');
const { ListenerResourceType } = require('@grpc/grpc-js-xds/build/src/xds-resource-type/listener-resource-type');
const { RouteConfigurationResourceType } = require('@grpc/grpc-js-xds/build/src/xds-resource-type/route-config-resource-type');
const { ClusterResourceType } = require('@grpc/grpc-js-xds/build/src/xds-resource-type/cluster-resource-type');
const { EndpointResourceType } = require('@grpc/grpc-js-xds/build/src/xds-resource-type/endpoint-resource-type');

// register() installs the HTTP filters and LB policies the validators look up.
xds.register();

const types = {
  'type.googleapis.com/envoy.config.listener.v3.Listener': ListenerResourceType.get(),
  'type.googleapis.com/envoy.config.route.v3.RouteConfiguration': RouteConfigurationResourceType.get(),
  'type.googleapis.com/envoy.config.cluster.v3.Cluster': ClusterResourceType.get(),
  'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment': EndpointResourceType.get(),
};
const context = {
  server: { serverUri: 'validate', channelCreds: [{ type: 'insecure' }], serverFeatures: [] },
  bootstrap: { certificateProviders: {}, node: {} },
};

const resources = JSON.parse(fs.readFileSync(process.argv[2] || 0, 'utf8'));
resources.forEach((resource, index) => {
  const type = types[resource.type_url];
  if (!type) {
    process.stdout.write(`${JSON.stringify({ index, ok: false, error: `unknown type_url ${resource.type_url}` })}\n`);
    return;
  }
  try {
    const result = type.decode(context, { type_url: resource.type_url, value: Buffer.from(resource.value, 'base64') });
    process.stdout.write(`${JSON.stringify({ index, name: result.name, ok: !result.error, error: result.error })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ index, ok: false, error: String(error.message || error) })}\n`);
  }
});
