"""The report's sections: each module turns the analysis of `AtlasFrames` into one `Part`
(a page section, its charts, its XLSX sheets and the evidence groups its bars link to)."""
