# Shared words: how a diagnostic is headed, counts that several commands use.
# Every message here exists in en/common.ftl with the same id and arguments.

severity-error = fout
severity-warning = waarschuwing
severity-note = opmerking
diagnostic-help = tip
diagnostic-note = toelichting
# A diagnostic about a file whose text cannot be shown (a workbook): where it is.
diagnostic-in-file = in { $file }
diagnostic-in-place = in { $file }, { $place }

common-pages = { $count ->
    [one] { $count } pagina
   *[other] { $count } pagina's
}
