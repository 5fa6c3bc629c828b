"""Tests of lco_kit.oefeningen, one file per module."""
