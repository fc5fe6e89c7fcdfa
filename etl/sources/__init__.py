"""One module per source kind: file -> engagement records + rejects."""
