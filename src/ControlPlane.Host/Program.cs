// Placeholder until the host lands in this change.
return 0;
