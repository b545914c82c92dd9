"""The version of the output format, apart from the schema's models so that a process may
write it (the run report) without loading pydantic. Semver; see CHANGELOG.md."""

SCHEMA_VERSION = "1.3.0"
