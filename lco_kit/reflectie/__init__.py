"""Reflectie: the "wanneer is het een goed LCO geweest" instrument, its scoring and its sessions."""
