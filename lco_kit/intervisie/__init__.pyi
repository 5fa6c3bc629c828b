# The intervisie's face: each name once; lazy_loader imports a name's module on first use.
from .harvest import harvest_filename as harvest_filename
from .harvest import harvest_pdf as harvest_pdf
from .harvest import werkblad_pdf as werkblad_pdf
from .method import intervisie_text as intervisie_text
from .method import load_method as load_method
from .own_casus import AGE_BANDS as AGE_BANDS
from .own_casus import EigenCasus as EigenCasus
from .own_casus import form_findings as form_findings
from .own_casus import public_host as public_host
from .session import DraftStore as DraftStore
from .session import Intervisie as Intervisie
from .session import harvest_findings as harvest_findings
from .session import seconds_per_minute as seconds_per_minute
