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
