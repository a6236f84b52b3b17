import { createContext, useContext } from 'react'

/** Where the worker is. Feature screens are registered by name in routes.tsx. */
export interface Route {
  name: string
  params?: Record<string, string | number | undefined>
}

export interface Nav {
  route: Route
  go(route: Route): void
  back(): void
}

export const NavContext = createContext<Nav>({ route: { name: 'today' }, go() {}, back() {} })
export const useNav = () => useContext(NavContext)
