"""Speed targets of the kit, measured as ratios in one run (outside ``make test``)."""
