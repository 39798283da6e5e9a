"""The traffic lab: real servers and clients in two network namespaces, captured on the wire."""
