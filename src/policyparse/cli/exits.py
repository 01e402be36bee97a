"""Exit codes of every command: 0 ok, 1 some input (or record) failed, 2 usage error."""

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C
