import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { confirmPage, donePage, UnsubscribeService } from '@app/outreach';

/**
 * `/u/:token` (outside `/api`, no login, no cookie): GET shows a confirm page and changes nothing;
 * POST unsubscribes at once (RFC 8058 one-click). A forged or altered token is a 404.
 */
@ApiTags('unsubscribe')
@ApiProduces('text/html')
@ApiNotFoundResponse({ description: 'Forged, altered or unknown token (nothing changes)' })
@Controller('u')
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Public()
  @ApiOperation({ summary: 'Confirm page (Dutch HTML); changes nothing' })
  @ApiOkResponse({ description: 'HTML page with a confirm button' })
  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async confirm(@Param('token') token: string): Promise<string> {
    return confirmPage(await this.unsubscribes.view(token));
  }

  @Public()
  @ApiOperation({ summary: 'One-click unsubscribe (RFC 8058): no cookie, no login' })
  @ApiOkResponse({ description: 'HTML page confirming the unsubscribe' })
  @Post(':token')
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async unsubscribe(@Param('token') token: string): Promise<string> {
    return donePage(await this.unsubscribes.unsubscribe(token));
  }
}
