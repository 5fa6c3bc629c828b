# The package's public face, each name listed once. Type checkers read this file; at run time
# __init__.py reads it too (lazy_loader.attach_stub) and imports a name when first used.
from .opvolging import follow_up_casus as follow_up_casus
from .opvolging import follow_up_yaml as follow_up_yaml
from .opvolging import opening_view as opening_view
from .opvolging import update_follow_up as update_follow_up
from .opvolging import with_follow_up as with_follow_up
from .plan import Stappenplan as Stappenplan
from .plan import new_stappenplan as new_stappenplan
from .plan import owner_choices as owner_choices
from .plan import owner_label as owner_label
from .regels import StappenplanProbleem as StappenplanProbleem
from .regels import check_stappenplan as check_stappenplan
from .teksten import stappenplan_text as stappenplan_text
from .teksten import status_text as status_text
from .verslag import lco_gegevens as lco_gegevens
from .verslag import verslag_filename as verslag_filename
from .verslag import verslag_markdown as verslag_markdown
from .verslag import verslag_pdf as verslag_pdf
