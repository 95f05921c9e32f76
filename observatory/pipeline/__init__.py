"""Getting data into the snapshot: refresh from the sources, the rebuild from data/raw (through a
local mirror), staff uploads, the changelog of every write and the audit log of every operation."""
