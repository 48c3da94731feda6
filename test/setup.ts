// Shared test setup. Adapter tests register nock interceptors themselves; nothing here may
// reach the network.
export {};
