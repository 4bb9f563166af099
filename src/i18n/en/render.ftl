# render: see ../mod.rs. Every id here exists in the other language's render.ftl.

## ICC profiles (the printing condition's, and a PDF's output profile)

icc-too-short = { $bytes } bytes is too short for an ICC profile
icc-too-large = { $bytes } bytes is too large for an output profile (at most 16 MB)
icc-no-signature = not an ICC profile (no 'acsp' signature in the header)
icc-size-mismatch = the profile header says { $declared } bytes, but there are { $actual } (truncated or damaged)
# A profile's device class with its article; `class` is its signature or `other`.
icc-class = { $class ->
    [prtr] an output profile
    [mntr] a display profile
    [scnr] an input profile
    [link] a device link profile
    [spac] a colour space profile
    [abst] an abstract profile
    [nmcl] a named colour profile
   *[other] a profile of unknown class
} ({ $signature })

