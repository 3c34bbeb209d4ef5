// Every table of the system of record. One file per domain; append one export line per file.
