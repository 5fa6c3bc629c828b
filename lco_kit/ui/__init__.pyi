# The pages and the shared widgets, each name once; lazy_loader imports a page's module only
# when a notebook asks for it (one page must not pay for another's imports).
# Pages, one module each (the notebooks call these):
from .casus import casus_pagina as casus_pagina
from .intervisie import intervisie_page as intervisie_page
from .page_address import PageAddress as PageAddress
from .principes import maatzorg_les as maatzorg_les
from .reflectie_begeleider import begeleiderpagina as begeleiderpagina
from .reflectie_invullen import invulpagina as invulpagina
from .registratie import registratie_pagina as registratie_pagina
from .rollenspel_begeleider import begeleider_rollenspel as begeleider_rollenspel
from .rollenspel_oefenen import oefen_rollenspel as oefen_rollenspel
from .stappenplan import stappenplan_bouwer as stappenplan_bouwer
from .start import page_list as page_list
from .start import start_page as start_page

# Shared widgets and helpers:
from .texts import text as text
from .widgets import DownloadLink as DownloadLink
from .widgets import FileInput as FileInput
from .widgets import MessageArea as MessageArea
from .widgets import button as button
from .widgets import chart_image as chart_image
from .widgets import escape as escape
from .widgets import guarded as guarded
from .widgets import image as image
from .widgets import section as section
