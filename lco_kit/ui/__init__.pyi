# The pages and the shared widgets, each name once; lazy_loader imports a page's module only
# when a notebook asks for it (one page must not pay for another's imports).
# Pages, one module each (the notebooks call these):
from .afdrukken import print_panel as print_panel
from .casus import casus_pagina as casus_pagina
from .intervisie import intervisie_page as intervisie_page
from .principes import maatzorg_les as maatzorg_les
from .reflectie import begeleiderpagina as begeleiderpagina
from .reflectie import invulpagina as invulpagina
from .registratie import registratie_pagina as registratie_pagina
from .rollenspel import begeleider_rollenspel as begeleider_rollenspel
from .rollenspel import oefen_rollenspel as oefen_rollenspel
from .stappenplan import stappenplan_bouwer as stappenplan_bouwer
from .start import join_panel as join_panel
from .start import page_list as page_list
from .start import start_page as start_page

# Shared widgets and helpers:
from .texts import text as text
from .widgets import AltImage as AltImage
from .widgets import DownloadLink as DownloadLink
from .widgets import FileInput as FileInput
from .widgets import MessageArea as MessageArea
from .widgets import PageAddress as PageAddress
from .widgets import UploadedFile as UploadedFile
from .widgets import button as button
from .widgets import button_row as button_row
from .widgets import chart_image as chart_image
from .widgets import escape as escape
from .widgets import guarded as guarded
from .widgets import html_block as html_block
from .widgets import human_size as human_size
from .widgets import image as image
from .widgets import qr_image as qr_image
from .widgets import section as section
