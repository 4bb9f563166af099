# Shared words: how a diagnostic is headed, counts that several commands use.
# Every message here exists in nl/common.ftl with the same id and arguments.

severity-error = error
severity-warning = warning
severity-note = note
diagnostic-help = help
diagnostic-note = note
# A diagnostic about a file whose text cannot be shown (a workbook): where it is.
diagnostic-in-file = in { $file }
diagnostic-in-place = in { $file }, { $place }

common-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}

# The engine's own failures (rare: a socket, a folder, the view's data).
error-view-data = the layout's data could not be made: { $reason }
error-project-root = project folder { $path }: { $reason }
error-internal = internal error: { $reason }
error-listen = cannot listen on { $address }: { $reason }
error-read = cannot read { $path }: { $reason }
error-compile-stopped = the compile stopped unexpectedly
error-no-fonts = no fonts loaded
    .help = the project needs fonts/ with at least one font file
error-no-such-region = no such region
error-cache-limit = { $variable }={ $value } is not a size (try 512M or 2G)
