"""The applications of the lab, each a server set up once per build and a client workload run
once per session."""
